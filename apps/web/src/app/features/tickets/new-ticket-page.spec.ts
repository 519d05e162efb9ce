import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { ATTACHMENT_MAX_BYTES, SUBJECT_MAX_LENGTH } from '@helpdesk/shared/domain';
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
