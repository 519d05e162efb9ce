import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Role, type Actor, type CannedReply } from '@helpdesk/shared/domain';
import { Session } from '../../core/auth/session';
import { CannedRepliesPage } from './canned-replies-page';

function reply(id: number, title: string, authorId: number): CannedReply {
  return {
    id,
    title,
    body: `Body of ${title}`,
    createdBy: { id: authorId, name: `Person ${authorId}` },
    updatedAt: '2026-11-20T10:00:00Z',
  };
}

const REPLIES = [reply(1, 'Mine', 2), reply(2, 'Theirs', 3)];

describe('CannedRepliesPage', () => {
  let fixture: ComponentFixture<CannedRepliesPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function open(actor: Actor): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CannedRepliesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { actor: signal(actor) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CannedRepliesPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
    http.expectOne('/api/canned-replies').flush(REPLIES);
    await fixture.whenStable();
  }

  /** The labels of the Edit and Delete buttons shown. */
  const actions = (): string[] =>
    Array.from<HTMLButtonElement>(fixture.nativeElement.querySelectorAll('button[aria-label]'))
      .map((button) => button.getAttribute('aria-label') ?? '')
      .filter((label) => /^(Edit|Delete) /.test(label));

  afterEach(() => http.verify());

  it('an agent may edit and delete their own canned replies only', async () => {
    await open({ id: 2, role: Role.Agent });
    expect(actions()).toEqual(['Edit Mine', 'Delete Mine']);
    expect(fixture.nativeElement.textContent).toContain('Body of Theirs');
  });

  it('an admin may edit and delete every canned reply', async () => {
    await open({ id: 1, role: Role.Admin });
    expect(actions()).toEqual(['Edit Mine', 'Delete Mine', 'Edit Theirs', 'Delete Theirs']);
  });

  it('deletes only after a second click, then reads the list again', async () => {
    await open({ id: 2, role: Role.Agent });
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete Mine"]' }))
    ).click();
    http.expectNone({ method: 'DELETE' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete' }))).click();
    const request = http.expectOne('/api/canned-replies/1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    http.expectOne('/api/canned-replies').flush([REPLIES[1]]);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).not.toContain('Body of Mine');
  });
});
