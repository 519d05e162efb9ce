import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Role, type CannedReply, type SessionUser, type Ticket } from '@helpdesk/shared/domain';
import { Session } from '../../../core/auth/session';
import { TicketConversation } from './ticket-conversation';

const TICKET = {
  id: 42,
  subject: 'Printer jammed',
  owner: { id: 7, name: 'Uma User' },
} as Ticket;

const REPLIES: CannedReply[] = [
  {
    id: 1,
    title: 'Restart the printer',
    body: 'Hi {{requester.firstName}}, about #{{ticket.id}} ({{ticket.subject}}): please restart it. {{agent.name}} {{unknown.thing}}',
    createdBy: { id: 2, name: 'Adam Agent' },
    updatedAt: '2026-11-20T10:00:00Z',
  },
];

describe('Inserting a canned reply into the composer', () => {
  let fixture: ComponentFixture<TicketConversation>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  function render(role: Role): void {
    const user = signal<SessionUser>({ id: 2, name: 'Adam Agent', email: 'a@example.com', role });
    TestBed.configureTestingModule({
      imports: [TicketConversation],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { user, actor: computed(() => ({ id: 2, role })) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TicketConversation);
    fixture.componentRef.setInput('ticketId', TICKET.id);
    fixture.componentRef.setInput('ticket', TICKET);
    fixture.componentRef.setInput('comments', []);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
  }

  const commentBox = () => loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));

  afterEach(() => http.verify());

  it('an agent searches, picks a reply and finds it filled in where the cursor was', async () => {
    render(Role.Agent);
    http.expectOne('/api/canned-replies').flush(REPLIES);
    const box = await commentBox();
    await box.setValue('Hello,\n\nThanks');
    const textarea = fixture.nativeElement.querySelector('textarea') as HTMLTextAreaElement;
    textarea.setSelectionRange(8, 8);

    const picker = await loader.getHarness(MatAutocompleteHarness);
    await picker.enterText('print');
    await new Promise((resolve) => setTimeout(resolve, 250));
    TestBed.tick();
    const search = http.expectOne((request) => request.url === '/api/canned-replies');
    expect(search.request.params.get('q')).toBe('print');
    search.flush(REPLIES);
    await picker.selectOption({ text: /Restart the printer/ });

    expect(await box.getValue()).toBe(
      'Hello,\n\nHi Uma, about #42 (Printer jammed): please restart it. Adam Agent {{unknown.thing}}Thanks',
    );
    expect(await picker.getValue()).toBe('');
  });

  it('a user gets no canned replies and the API is not asked', () => {
    render(Role.User);
    expect(fixture.nativeElement.querySelector('hd-canned-reply-picker')).toBeNull();
    http.expectNone('/api/canned-replies');
  });
});
