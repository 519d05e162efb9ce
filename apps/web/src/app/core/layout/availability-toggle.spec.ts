import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { Role, type Actor } from '@helpdesk/shared/domain';
import { Session } from '../auth/session';
import { AvailabilityToggle } from './availability-toggle';

describe('AvailabilityToggle', () => {
  let fixture: ComponentFixture<AvailabilityToggle>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    const agent: Actor = { id: 2, role: Role.Agent };
    TestBed.configureTestingModule({
      imports: [AvailabilityToggle],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { actor: signal(agent) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AvailabilityToggle);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
    http.expectOne('/api/agents').flush([
      { id: 1, name: 'Olga Agent', available: true, openCount: 1 },
      { id: 2, name: 'Adam Agent', available: false, openCount: 4 },
    ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it("shows the agent's own state from the agents list", async () => {
    const toggle = await loader.getHarness(MatSlideToggleHarness);
    expect(await toggle.isChecked()).toBe(false);
    expect(await toggle.getLabelText()).toBe('Away');
  });

  it('sends the change to the account and shows it', async () => {
    const toggle = await loader.getHarness(MatSlideToggleHarness);
    await toggle.toggle();
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ available: true });
    request.flush({
      id: 2,
      name: 'Adam Agent',
      email: 'a@example.com',
      role: 'agent',
      available: true,
    });
    expect(await toggle.getLabelText()).toBe('Available');
  });

  it('goes back to what the server knows when the change is refused', async () => {
    const toggle = await loader.getHarness(MatSlideToggleHarness);
    await toggle.toggle();
    http
      .expectOne('/api/auth/me')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'No' },
        { status: 400, statusText: 'Bad Request' },
      );
    TestBed.tick();
    http
      .expectOne('/api/agents')
      .flush([{ id: 2, name: 'Adam Agent', available: false, openCount: 4 }]);
    await fixture.whenStable();
    expect(await toggle.isChecked()).toBe(false);
  });
});
