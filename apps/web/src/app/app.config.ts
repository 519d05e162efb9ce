import { OverlayContainer } from '@angular/cdk/overlay';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { sessionExpiredInterceptor } from './core/auth/session-expired-interceptor';
import { ColorScheme } from './core/layout/color-scheme';
import { LabelledOverlayContainer } from './core/layout/labelled-overlay-container';
import { LiveUpdates } from './core/live/live-updates';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(
      withInterceptors([sessionExpiredInterceptor]),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    // Opens the live event stream whenever someone is signed in.
    provideAppInitializer(() => void inject(LiveUpdates)),
    // Applies a remembered light or dark choice before the first screen, sign-in included.
    provideAppInitializer(() => void inject(ColorScheme)),
    { provide: OverlayContainer, useClass: LabelledOverlayContainer },
    { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
  ],
};
