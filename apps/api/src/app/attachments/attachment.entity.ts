import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId!: number;

  @Column({ name: 'uploaded_by', type: 'integer' })
  uploadedById!: number;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'uploaded_by' })
  uploadedBy?: UserEntity;

  /** The display name: a base name without directories or control characters. */
  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  /** A server-made name inside UPLOAD_DIR; never derived from the client's name. */
  @Column({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
