import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TicketStatus, type Ticket } from '@helpdesk/shared/domain';
import { TicketEditForm } from './ticket-edit-form';

function ticket(change: Partial<Ticket> = {}): Ticket {
  return {
    id: 42,
    subject: 'Printer on fire',
    description: 'Smoke everywhere',
    status: TicketStatus.Open,
    priority: 'medium',
    owner: { id: 1, name: 'Uma User' },
    assignee: null,
    rating: null,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...change,
  };
}

describe('TicketEditForm on a live refresh', () => {
  let fixture: ComponentFixture<TicketEditForm>;

  function field(selector: string): HTMLInputElement | HTMLTextAreaElement {
    const element = (fixture.nativeElement as HTMLElement).querySelector(selector);
    if (!element) throw new Error(`No ${selector}`);
    return element as HTMLInputElement | HTMLTextAreaElement;
  }

  function type(selector: string, value: string): void {
    const element = field(selector);
    element.value = value;
    element.dispatchEvent(new Event('input'));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TicketEditForm],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(TicketEditForm);
    fixture.componentRef.setInput('ticket', ticket());
    fixture.detectChanges();
  });

  it('keeps what the person is typing when the same ticket is fetched again', () => {
    type('input', 'Printer on fire, and the fax too');
    fixture.componentRef.setInput('ticket', ticket({ updatedAt: '2026-11-20T11:00:00Z' }));
    fixture.detectChanges();
    expect(field('input').value).toBe('Printer on fire, and the fax too');

    fixture.componentRef.setInput('ticket', ticket({ description: 'Changed elsewhere' }));
    fixture.detectChanges();
    expect(field('input').value).toBe('Printer on fire, and the fax too');
  });

  it('shows a change made elsewhere while nothing was typed', () => {
    fixture.componentRef.setInput('ticket', ticket({ subject: 'Printer fixed?' }));
    fixture.detectChanges();
    expect(field('input').value).toBe('Printer fixed?');
    expect(field('textarea').value).toBe('Smoke everywhere');
  });
});
