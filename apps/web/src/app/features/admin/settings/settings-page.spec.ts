import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { DEFAULT_DESK_SETTINGS, Role, type Actor } from '@helpdesk/shared/domain';
import { Session } from '../../../core/auth/session';
import { SettingsPage } from './settings-page';

describe('SettingsPage', () => {
  let fixture: ComponentFixture<SettingsPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    const admin: Actor = { id: 1, role: Role.Admin };
    TestBed.configureTestingModule({
      imports: [SettingsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { actor: signal(admin) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
    http.expectOne('/api/settings').flush(DEFAULT_DESK_SETTINGS);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function toggle(label: string): Promise<void> {
    await (await loader.getHarness(MatSlideToggleHarness.with({ label }))).toggle();
  }

  async function fill(control: string, value: string): Promise<void> {
    const selector = `input[formControlName=${control}]`;
    await (await loader.getHarness(MatInputHarness.with({ selector }))).setValue(value);
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save settings' }))).click();
  }

  function text(): string {
    return fixture.nativeElement.textContent;
  }

  it('says what is wrong, in the words of the page, and sends nothing', async () => {
    await toggle('Count only business hours');
    await fill('timezone', 'Mars/Olympus');
    await fill('start', '17:00');
    await fill('end', '09:00');
    await save();
    http.expectNone({ method: 'PATCH', url: '/api/settings' });
    expect(text()).toContain('Time zone must be a time zone such as Europe/Berlin or +02:00');
    expect(text()).toContain('Closing time must be after start');
  });

  it('refuses an empty target before sending', async () => {
    const urgent = await loader.getHarness(
      MatInputHarness.with({
        selector: 'tr:first-child input[formControlName=firstResponseMinutes]',
      }),
    );
    await urgent.setValue('');
    await save();
    http.expectNone({ method: 'PATCH', url: '/api/settings' });
    expect(text()).toContain('Urgent: first response must be a whole number of minutes');
  });

  it('sends only what changed: round robin and the pool', async () => {
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: /Round robin/ }))).check();
    await toggle('Agents see and take unassigned tickets');
    await save();
    const request = http.expectOne({ method: 'PATCH', url: '/api/settings' });
    expect(request.request.body).toEqual({
      assignment: { mode: 'round_robin', agentsSeeUnassigned: true },
    });
    request.flush({
      ...DEFAULT_DESK_SETTINGS,
      assignment: { mode: 'round_robin', agentsSeeUnassigned: true },
    });
    await fixture.whenStable();
    expect(
      await (
        await loader.getHarness(MatButtonHarness.with({ text: 'Save settings' }))
      ).isDisabled(),
    ).toBe(true);
  });

  it('sends business hours as a whole, with the days sorted', async () => {
    await toggle('Count only business hours');
    await fill('timezone', 'Europe/Berlin');
    await save();
    const request = http.expectOne({ method: 'PATCH', url: '/api/settings' });
    expect(request.request.body).toEqual({
      sla: {
        businessHours: {
          timezone: 'Europe/Berlin',
          days: [1, 2, 3, 4, 5],
          start: '09:00',
          end: '17:00',
        },
      },
    });
    request.flush(DEFAULT_DESK_SETTINGS);
  });

  it("shows the API's reasons when it refuses the change", async () => {
    await toggle('Reopen a ticket rated 1 or 2 stars');
    await save();
    http.expectOne({ method: 'PATCH', url: '/api/settings' }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: ['csat.reopenOnLowRating must be true or false'],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('p[role=alert]').textContent).toContain(
      'Reopen on a low rating must be true or false',
    );
  });
});
