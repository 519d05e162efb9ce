import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { Ticket } from '@helpdesk/shared/domain';
import { TakeButton } from './take-button';

describe('TakeButton', () => {
  let fixture: ComponentFixture<TakeButton>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let taken: Ticket[];
  let refused: string[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TakeButton],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TakeButton);
    fixture.componentRef.setInput('ticketId', 7);
    taken = [];
    refused = [];
    fixture.componentInstance.taken.subscribe((ticket) => taken.push(ticket));
    fixture.componentInstance.refused.subscribe((message) => refused.push(message));
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  async function take(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Take' }))).click();
  }

  it('takes the ticket and passes it on', async () => {
    await take();
    const request = http.expectOne('/api/tickets/7/take');
    expect(request.request.method).toBe('POST');
    request.flush({ id: 7, assignee: { id: 2, name: 'Adam Agent' } });
    expect(taken.map((ticket) => ticket.id)).toEqual([7]);
    expect(refused).toEqual([]);
  });

  it('says in words that someone else took it first (409), so the screen can refresh', async () => {
    await take();
    http
      .expectOne('/api/tickets/7/take')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Ticket 7 is no longer unassigned' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    const snackBar =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Someone else took ticket #7 first.');
    expect(refused).toEqual(['Someone else took ticket #7 first.']);
    expect(taken).toEqual([]);
    expect(await (await loader.getHarness(MatButtonHarness)).isDisabled()).toBe(false);
  });
});
