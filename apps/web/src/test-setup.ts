import { deserialize, serialize } from 'node:v8';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom leaves out structuredClone, which browsers and Node have (the shared settings rules use it).
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
