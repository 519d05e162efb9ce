import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { PAGE_SIZE_DEFAULT, ROLES, type Page, type Role, type User } from '@helpdesk/shared/domain';
import { debounceTime, distinctUntilChanged, type Observable } from 'rxjs';
import { UsersApi } from '../../../core/api/users-api';
import { Action } from '../../../shared/action';
import { DayDate } from '../../../shared/date-format';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { ROLE_LABELS } from '../../../shared/labels';
import { LoadState } from '../../../shared/load-state';
import { UserDialog, type UserDialogData } from './user-dialog';

/** The admin console's people: search, filter by role, create, edit, deactivate and reactivate. */
@Component({
  selector: 'hd-users-page',
  imports: [
    DayDate,
    LoadState,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatSelect,
    MatTableModule,
    ReactiveFormsModule,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly columns = ['name', 'email', 'role', 'active', 'createdAt', 'actions'];
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly q = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  protected readonly users = this.api.list(() => ({
    page: this.page(),
    pageSize: this.pageSize(),
    q: this.q() || undefined,
    role: this.role() || undefined,
  }));
  /**
   * The page on screen: the last one stays while the next loads, so the table and the
   * paginator (and the focus on its buttons) are not torn down by paging or searching.
   */
  protected readonly shown = linkedSignal<Page<User> | undefined, Page<User> | undefined>({
    source: () => (this.users.hasValue() ? this.users.value() : undefined),
    computation: (page, previous) => page ?? (this.users.isLoading() ? previous?.value : undefined),
  });
  protected readonly isEmpty = computed(() => !!this.shown() && !this.shown()?.items.length);
  /** Deactivating or reactivating someone; its failure shows above the table. */
  protected readonly change = new Action();

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((value) => {
        this.q.set(value.trim());
        this.page.set(1);
      });
  }

  protected roleName(user: User): string {
    return ROLE_LABELS[user.role];
  }

  protected filterRole(role: Role | ''): void {
    this.role.set(role);
    this.page.set(1);
  }

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }

  protected open(user?: User): void {
    const data: UserDialogData = { user };
    this.dialog
      .open<UserDialog, UserDialogData, User>(UserDialog, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(user ? `Saved ${saved.name}` : `Created ${saved.name}`, 'OK', {
          duration: 4000,
        });
        this.users.reload();
      });
  }

  protected deactivate(user: User): void {
    const data: ConfirmDialogData = {
      title: `Deactivate ${user.name}?`,
      message: `${user.name} will no longer be able to sign in until reactivated.`,
      confirm: 'Deactivate',
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '95vw' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.run(this.api.deactivate(user.id), `Deactivated ${user.name}`);
      });
  }

  protected reactivate(user: User): void {
    this.run(this.api.update(user.id, { active: true }), `Reactivated ${user.name}`);
  }

  private run(call: Observable<unknown>, done: string): void {
    this.change.run(call, () => {
      this.snackBar.open(done, 'OK', { duration: 4000 });
      this.users.reload();
    });
  }
}
