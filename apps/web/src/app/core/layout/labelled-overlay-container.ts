import { OverlayContainer } from '@angular/cdk/overlay';
import { Injectable } from '@angular/core';

/**
 * The layer Material puts menus, dialogs and snack bars in, named as a region: it sits beside
 * `<main>` at the end of the body, and a menu outside every landmark is lost to landmark
 * navigation (axe: `region`, seen on the ticket list's row menu).
 */
@Injectable()
export class LabelledOverlayContainer extends OverlayContainer {
  protected override _createContainer(): void {
    super._createContainer();
    this._containerElement?.setAttribute('role', 'region');
    this._containerElement?.setAttribute('aria-label', 'Menus and dialogs');
  }
}
