import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter } from '@angular/router';
import type { MailStatus, RejectedMailPage } from '@helpdesk/shared/domain';
import { MailPage } from './mail-page';

const STATUS: MailStatus = {
  configured: true,
  lastPollAt: '2026-11-24T10:00:00.000Z',
  lastError: 'connect ECONNREFUSED 127.0.0.1:993',
  processed: 12,
  rejected: 1,
};
const REJECTED: RejectedMailPage = {
  items: [
    {
      id: 7,
      from: 'ooo@customer.test',
      subject: 'Out of office',
      reason: 'Automatic message (Auto-Submitted: auto-replied)',
      receivedAt: '2026-11-24T09:00:00.000Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 25,
};

describe('MailPage', () => {
  let fixture: ComponentFixture<MailPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MailPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MailPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
    http.expectOne('/api/mail/status').flush(STATUS);
    http.expectOne((r) => r.url === '/api/mail/rejected').flush(REJECTED);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (): string => fixture.nativeElement.textContent;

  it('shows the last error and each rejected message with its reason', () => {
    expect(text()).toContain('connect ECONNREFUSED 127.0.0.1:993');
    expect(text()).toContain('ooo@customer.test');
    expect(text()).toContain('Automatic message (Auto-Submitted: auto-replied)');
  });

  it('makes a ticket of a message, then reads the list and the status again', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Make a ticket/ }))).click();
    const request = http.expectOne('/api/mail/rejected/7/ticket');
    expect(request.request.method).toBe('POST');
    request.flush({ id: 41 });
    TestBed.tick();
    http
      .expectOne((r) => r.url === '/api/mail/rejected')
      .flush({ ...REJECTED, items: [], total: 0 });
    http.expectOne('/api/mail/status').flush({ ...STATUS, rejected: 0 });
    await fixture.whenStable();
    expect(text()).toContain('No rejected messages.');
  });

  it('discards a message with DELETE', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Discard' }))).click();
    const request = http.expectOne('/api/mail/rejected/7');
    expect(request.request.method).toBe('DELETE');
    request.flush(null);
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/mail/rejected').flush(REJECTED);
    http.expectOne('/api/mail/status').flush(STATUS);
  });
});
