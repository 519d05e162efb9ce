import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { ForgotPasswordPage } from './forgot-password-page';

describe('ForgotPasswordPage', () => {
  let fixture: ComponentFixture<ForgotPasswordPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ForgotPasswordPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ForgotPasswordPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function ask(email: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness)).setValue(email);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send reset link' }))).click();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('asks for a link and then says what happens next, without telling whether the address exists', async () => {
    await ask('  ada@example.com ');
    const request = http.expectOne('/api/auth/password-reset');
    expect(request.request.body).toEqual({ email: 'ada@example.com' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(text()).toContain('If an account uses ada@example.com, we have sent it a link');
  });

  it('sends nothing for a malformed address', async () => {
    await ask('not-an-address');
    http.expectNone('/api/auth/password-reset');
    expect(text()).toContain('Enter a valid email address.');
  });

  it('says so when too many links were asked for', async () => {
    await ask('ada@example.com');
    http
      .expectOne('/api/auth/password-reset')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(text()).toContain('Too many requests for a reset link, try again in 15 minutes.');
  });
});
