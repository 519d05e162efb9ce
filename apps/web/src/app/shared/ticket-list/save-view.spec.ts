import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { SaveView } from './save-view';

describe('SaveView', () => {
  let fixture: ComponentFixture<SaveView>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SaveView],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SaveView);
    fixture.componentRef.setInput('query', 'status=open&priority=urgent&tag=vpn');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    // Nobody is signed in here, so the views in the navigation are never asked for.
    http.expectNone('/api/views');
  });

  afterEach(() => http.verify());

  it("saves the list's current query under the name given", async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Save view/ }))).click();
    await (
      await loader.getHarness(MatInputHarness.with({ placeholder: '' }))
    ).setValue('  Urgent VPN  ');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/api/views' });
    expect(request.request.body).toEqual({
      name: 'Urgent VPN',
      query: 'status=open&priority=urgent&tag=vpn',
    });
    request.flush({
      id: 4,
      name: 'Urgent VPN',
      query: 'status=open&priority=urgent&tag=vpn',
      builtIn: false,
      count: 2,
      countCapped: false,
    });
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatInputHarness)).toHaveLength(0);
  });

  it('shows why the API refused the view', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Save view/ }))).click();
    await (await loader.getHarness(MatInputHarness)).setValue('Mine');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    http.expectOne('/api/views').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: ['sort must be one of the following values'],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent,
    ).toContain('sort must be one of');
  });
});
