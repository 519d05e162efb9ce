import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function signIn(email: string, password: string): Promise<void> {
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[type=email]' }))
    ).setValue(email);
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[type=password]' }))
    ).setValue(password);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
  }

  function alertText(): string {
    return fixture.nativeElement.querySelector('[role="alert"]')?.textContent.trim() ?? '';
  }

  it('sends nothing while the email or password is missing or malformed', async () => {
    await signIn('not-an-email', '');
    http.expectNone('/api/auth/login');
    expect(fixture.nativeElement.textContent).toContain('Enter a valid email address.');
    expect(fixture.nativeElement.textContent).toContain('Enter your password.');
  });

  it('says so when the credentials are wrong', async () => {
    await signIn('user@example.com', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(alertText()).toBe('Wrong email or password.');
  });

  it('asks to wait after too many attempts', async () => {
    await signIn('user@example.com', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Throttled' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(alertText()).toBe('Too many attempts, try again later.');
  });

  it('goes back to where the person was after signing in', async () => {
    fixture.componentRef.setInput('returnUrl', '/tickets/7');
    await signIn('user@example.com', 'user123');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'user@example.com', password: 'user123' });
    request.flush({ user: { id: 1, name: 'Uma', email: 'user@example.com', role: 'user' } });
    expect(navigate).toHaveBeenCalledWith('/tickets/7');
  });

  it("goes to the role's start page, never to an outside address", async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example.com');
    await signIn('agent@example.com', 'agent123');
    http
      .expectOne('/api/auth/login')
      .flush({ user: { id: 2, name: 'Adam', email: 'agent@example.com', role: 'agent' } });
    expect(navigate).toHaveBeenCalledWith('/queue');
  });
});
