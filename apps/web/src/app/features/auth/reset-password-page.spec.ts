import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { ResetPasswordPage } from './reset-password-page';

describe('ResetPasswordPage', () => {
  let fixture: ComponentFixture<ResetPasswordPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function open(token?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ResetPasswordPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ResetPasswordPage);
    if (token) fixture.componentRef.setInput('token', token);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function choose(password: string, repeat: string): Promise<void> {
    const [first, second] = await loader.getAllHarnesses(MatInputHarness);
    await first?.setValue(password);
    await second?.setValue(repeat);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Set new password' }))).click();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  afterEach(() => http.verify());

  it("sends the link's token with the new password, then offers to sign in", async () => {
    await open('abc_123');
    await choose('a-new-secret', 'a-new-secret');
    const request = http.expectOne('/api/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ token: 'abc_123', password: 'a-new-secret' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(text()).toContain('Your new password is set');
    expect(await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).toBeTruthy();
  });

  it('sends nothing while the two passwords differ or the password is too short', async () => {
    await open('abc');
    await choose('a-new-secret', 'another-one');
    expect(text()).toContain('The two passwords are not the same.');
    await choose('short', 'short');
    http.expectNone('/api/auth/password-reset/confirm');
  });

  it('says in words that a used or expired link no longer works', async () => {
    await open('used');
    await choose('a-new-secret', 'a-new-secret');
    http
      .expectOne('/api/auth/password-reset/confirm')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'invalid' },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(text()).toContain('This link is invalid, already used or expired. Ask for a new one.');
    expect(
      await loader.getHarness(MatButtonHarness.with({ text: 'Ask for a new link' })),
    ).toBeTruthy();
  });

  it('without a token it asks for the link instead of a password', async () => {
    await open();
    expect(await loader.getAllHarnesses(MatInputHarness)).toHaveLength(0);
    expect(text()).toContain('This page needs the link from the e-mail.');
  });
});
