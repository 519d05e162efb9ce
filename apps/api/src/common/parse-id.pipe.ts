import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { MAX_ID } from './request-fields';

/** A path id: a positive whole number written plainly (no `1e3`, `0x10`, `-1` or `01`). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^[1-9]\d{0,9}$/.test(value) || id > MAX_ID) {
      throw new BadRequestException('The id must be a positive whole number');
    }
    return id;
  }
}
