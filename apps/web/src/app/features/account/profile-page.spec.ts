import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { Role, type SessionUser } from '@helpdesk/shared/domain';
import { Session } from '../../core/auth/session';
import { ProfilePage } from './profile-page';

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let changed: jest.Mock;

  /** Renders the page for a person of `role`; `answer` replies to what it asks on opening. */
  async function open(role: Role, answer?: () => void): Promise<void> {
    const user = signal<SessionUser>({
      id: 2,
      name: 'Adam Agent',
      email: 'adam@example.com',
      role,
    });
    changed = jest.fn();
    TestBed.configureTestingModule({
      imports: [ProfilePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: Session,
          useValue: { user, actor: computed(() => ({ id: user().id, role })), changed },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfilePage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
    answer?.();
    await fixture.whenStable();
  }

  const input = (selector: string) => loader.getHarness(MatInputHarness.with({ selector }));
  const click = async (text: string) =>
    (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  afterEach(() => http.verify());

  it('saves a new name and tells the session, so the header shows it', async () => {
    await open(Role.User);
    await (await input('[formControlName=name]')).setValue('  Adam A. Agent ');
    await click('Save name');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Adam A. Agent' });
    const saved = { id: 2, name: 'Adam A. Agent', email: 'adam@example.com', role: Role.User };
    request.flush(saved);
    expect(changed).toHaveBeenCalledWith(saved);
  });

  it('changes the password with the current one and empties the fields after', async () => {
    await open(Role.User);
    await (await input('[formControlName=currentPassword]')).setValue('old-secret');
    await (await input('[formControlName=password]')).setValue('new-secret');
    await (await input('[formControlName=repeat]')).setValue('new-secret');
    await click('Change password');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.body).toEqual({ currentPassword: 'old-secret', password: 'new-secret' });
    request.flush({ id: 2, name: 'Adam Agent', email: 'adam@example.com', role: Role.User });
    await fixture.whenStable();
    expect(await (await input('[formControlName=currentPassword]')).getValue()).toBe('');
    expect(fixture.nativeElement.querySelector('mat-error')).toBeNull();
  });

  it("shows the API's words for a wrong current password", async () => {
    await open(Role.Admin);
    await (await input('[formControlName=currentPassword]')).setValue('wrong');
    await (await input('[formControlName=password]')).setValue('new-secret');
    await (await input('[formControlName=repeat]')).setValue('new-secret');
    await click('Change password');
    http
      .expectOne('/api/auth/me')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'The current password is not correct' },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(text()).toContain('The current password is not correct');
  });

  it('sends no password change while the new one is not repeated the same', async () => {
    await open(Role.User);
    await (await input('[formControlName=currentPassword]')).setValue('old-secret');
    await (await input('[formControlName=password]')).setValue('new-secret');
    await (await input('[formControlName=repeat]')).setValue('new-secrets');
    await click('Change password');
    http.expectNone('/api/auth/me');
    expect(text()).toContain('The two new passwords are not the same.');
  });

  it('offers an agent the availability switch', async () => {
    await open(Role.Agent, () =>
      http
        .expectOne('/api/agents')
        .flush([{ id: 2, name: 'Adam Agent', available: true, openCount: 0 }]),
    );
    expect(await loader.getAllHarnesses(MatSlideToggleHarness)).toHaveLength(1);
  });

  it('offers nobody else the availability switch', async () => {
    await open(Role.Admin);
    expect(await loader.getAllHarnesses(MatSlideToggleHarness)).toHaveLength(0);
    http.expectNone('/api/agents');
  });
});
