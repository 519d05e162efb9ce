import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

/**
 * The global pipe: unknown fields are refused, bodies and queries become their DTO classes.
 * Path parameters stay raw strings for their own pipes (`ParseIdPipe`), which would otherwise
 * receive `Number('1e3')` and let `1e3` through as ticket 1000.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}
