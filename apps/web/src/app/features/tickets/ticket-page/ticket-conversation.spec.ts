import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Role, type Comment } from '@helpdesk/shared/domain';
import { TicketConversation } from './ticket-conversation';

function comment(change: Partial<Comment>): Comment {
  return {
    id: 1,
    body: 'Hello',
    internal: false,
    author: { id: 2, name: 'Adam Agent', role: Role.Agent },
    createdAt: '2026-11-20T10:00:00Z',
    ...change,
  };
}

describe('TicketConversation', () => {
  let fixture: ComponentFixture<TicketConversation>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  function render(inputs: { comments?: Comment[]; mayWrite?: boolean; mayWriteNotes?: boolean }) {
    fixture = TestBed.createComponent(TicketConversation);
    fixture.componentRef.setInput('ticketId', 42);
    fixture.componentRef.setInput('comments', inputs.comments ?? []);
    if (inputs.mayWrite !== undefined) fixture.componentRef.setInput('mayWrite', inputs.mayWrite);
    if (inputs.mayWriteNotes !== undefined) {
      fixture.componentRef.setInput('mayWriteNotes', inputs.mayWriteNotes);
    }
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
  }

  async function write(text: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue(text);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TicketConversation],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends an internal note when an agent switches the composer to "Internal note"', async () => {
    render({ mayWriteNotes: true });
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: /Internal note/ }))).check();
    await write('The VPN logs show a expired certificate');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add internal note' }))).click();
    const request = http.expectOne('/api/tickets/42/comments');
    expect(request.request.body).toEqual({
      body: 'The VPN logs show a expired certificate',
      internal: true,
    });
    request.flush(comment({ internal: true }));
    await fixture.whenStable();
    // Ready for the next one: empty, no complaint about it, still a note.
    expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('');
    expect(fixture.nativeElement.querySelector('mat-error')).toBeNull();
    expect(
      await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Add internal note' })),
    ).toHaveLength(1);
  });

  it('sends a reply to the requester by default, without the internal flag', async () => {
    render({ mayWriteNotes: true });
    await write('Please restart the router');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send comment' }))).click();
    expect(http.expectOne('/api/tickets/42/comments').request.body).toEqual({
      body: 'Please restart the router',
    });
  });

  it('offers an owner no internal notes', async () => {
    render({ mayWriteNotes: false });
    expect(await loader.getAllHarnesses(MatButtonToggleHarness)).toHaveLength(0);
  });

  it('offers no composer on a ticket the person has not taken', async () => {
    render({ mayWrite: false, comments: [comment({})] });
    expect(await loader.getAllHarnesses(MatInputHarness)).toHaveLength(0);
    expect(fixture.nativeElement.textContent).toContain('Hello');
  });

  it('sets notes apart with a label and a lock', () => {
    render({
      comments: [
        comment({ id: 1, body: 'Public' }),
        comment({ id: 2, body: 'Secret', internal: true }),
      ],
    });
    const [reply, note] = Array.from<HTMLElement>(fixture.nativeElement.querySelectorAll('li'));
    expect(reply?.classList).not.toContain('note');
    expect(reply?.textContent).not.toContain('Internal note');
    expect(note?.classList).toContain('note');
    expect(note?.textContent).toContain('Internal note');
    expect(note?.querySelector('mat-icon')?.textContent).toContain('lock');
  });
});
