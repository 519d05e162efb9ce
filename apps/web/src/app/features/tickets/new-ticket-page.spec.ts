import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { provideRouter, Router } from '@angular/router';
import { signal } from '@angular/core';
import {
  ATTACHMENT_MAX_BYTES,
  Role,
  SUBJECT_MAX_LENGTH,
  type Actor,
} from '@helpdesk/shared/domain';
import { Session } from '../../core/auth/session';
import { NewTicketPage } from './new-ticket-page';

describe('NewTicketPage', () => {
  let fixture: ComponentFixture<NewTicketPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NewTicketPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(NewTicketPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function fill(subject: string, description: string): Promise<void> {
    await (
      await loader.getHarness(MatInputHarness.with({ selector: 'input[formControlName=subject]' }))
    ).setValue(subject);
    await (
      await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))
    ).setValue(description);
  }

  async function create(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create ticket' }))).click();
  }

  function pick(...files: File[]): void {
    const input: HTMLInputElement = fixture.nativeElement.querySelector('input[type=file]');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  it('sends nothing without a subject and a description', async () => {
    await fill('   ', '');
    await create();
    http.expectNone('/api/tickets');
    expect(fixture.nativeElement.textContent).toContain('Enter a subject');
    expect(fixture.nativeElement.textContent).toContain('Describe the problem');
  });

  it('refuses a subject longer than the limit', async () => {
    await fill('x'.repeat(SUBJECT_MAX_LENGTH + 1), 'details');
    await create();
    http.expectNone('/api/tickets');
  });

  it('opens the ticket with the chosen priority and shows it', async () => {
    await fill('VPN drops', 'Every hour');
    const priority = await loader.getHarness(MatSelectHarness);
    await priority.open();
    await priority.clickOptions({ text: 'High' });
    await create();
    const request = http.expectOne('/api/tickets');
    expect(request.request.body).toEqual({
      subject: 'VPN drops',
      description: 'Every hour',
      priority: 'high',
    });
    request.flush({ id: 5 });
    expect(navigate).toHaveBeenCalledWith(['/tickets', 5]);
  });

  it('refuses files of a wrong type or size before sending anything', () => {
    pick(
      new File(['x'], 'virus.exe'),
      Object.defineProperty(new File(['x'], 'big.pdf'), 'size', {
        value: ATTACHMENT_MAX_BYTES + 1,
      }),
    );
    const alerts = Array.from<HTMLElement>(
      fixture.nativeElement.querySelectorAll('[role=alert]'),
    ).map((a) => a.textContent);
    expect(alerts[0]).toContain('virus.exe: this file type is not allowed');
    expect(alerts[1]).toContain('big.pdf: the file is larger than 16.0 MB');
    expect(fixture.nativeElement.querySelector('[aria-label="Files to upload"]')).toBeNull();
  });

  it('uploads the attachments after the ticket is created and shows the server refusal', async () => {
    pick(new File(['log'], 'app.log'), new File(['%PDF'], 'fake.pdf'));
    await fill('Crash', 'See logs');
    await create();
    http.expectOne('/api/tickets').flush({ id: 8 });
    const first = http.expectOne('/api/tickets/8/attachments');
    expect((first.request.body as FormData).get('file')).toBeInstanceOf(File);
    first.flush({ id: 1, filename: 'app.log' });
    http.expectOne('/api/tickets/8/attachments').flush(
      {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'The file content is not a PDF',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('fake.pdf: The file content is not a PDF');
    expect(navigate).toHaveBeenCalledWith(['/tickets', 8]);
  });
});

describe('NewTicketPage for agents and admins', () => {
  let fixture: ComponentFixture<NewTicketPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  function render(actor: Actor): void {
    TestBed.configureTestingModule({
      imports: [NewTicketPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: Session, useValue: { actor: signal(actor) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(NewTicketPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
  }

  afterEach(() => http.verify());

  async function input(label: string): Promise<MatInputHarness> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await field.getControl(MatInputHarness);
    if (!control) throw new Error(`The ${label} field holds no input`);
    return control;
  }

  async function fillTicket(): Promise<void> {
    await (await input('Subject')).setValue('Printer jam');
    await (await input('Description')).setValue('Called in: tray 2 jams');
  }

  async function create(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create ticket' }))).click();
  }

  it('lets an agent open a ticket for a caller by e-mail and lands on it', async () => {
    render({ id: 2, role: Role.Agent });
    await fillTicket();
    await (await input('Requester e-mail')).setValue('  caller@example.com ');
    await (await input('Requester name')).setValue('Carla Caller');
    await create();
    const request = http.expectOne('/api/tickets');
    expect(request.request.body).toEqual({
      subject: 'Printer jam',
      description: 'Called in: tray 2 jams',
      priority: 'medium',
      requesterEmail: 'caller@example.com',
      requesterName: 'Carla Caller',
    });
    request.flush({ id: 12 });
    expect(navigate).toHaveBeenCalledWith(['/tickets', 12]);
  });

  it('opens the ticket for the agent themselves when no requester is given', async () => {
    render({ id: 2, role: Role.Agent });
    await fillTicket();
    await create();
    const request = http.expectOne('/api/tickets');
    expect(request.request.body).not.toHaveProperty('requesterEmail');
    expect(request.request.body).not.toHaveProperty('requesterName');
    request.flush({ id: 13 });
  });

  it('refuses a requester e-mail that is not an address', async () => {
    render({ id: 2, role: Role.Agent });
    await fillTicket();
    await (await input('Requester e-mail')).setValue('carla at home');
    await create();
    http.expectNone('/api/tickets');
    expect(fixture.nativeElement.textContent).toContain('Enter an e-mail address');
  });

  it('offers the requester fields to admins but not to users', async () => {
    render({ id: 9, role: Role.Admin });
    http.expectOne('/api/agents').flush([]);
    expect(
      await loader.getAllHarnesses(
        MatFormFieldHarness.with({ floatingLabelText: 'Requester e-mail' }),
      ),
    ).toHaveLength(1);
    TestBed.resetTestingModule();
    render({ id: 1, role: Role.User });
    expect(
      await loader.getAllHarnesses(
        MatFormFieldHarness.with({ floatingLabelText: 'Requester e-mail' }),
      ),
    ).toHaveLength(0);
  });
});
