import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { User } from '@helpdesk/shared/domain';
import { UserDialog, type UserDialogData } from './user-dialog';

const ADMIN: User = {
  id: 1,
  name: 'Ada Admin',
  email: 'admin@example.com',
  role: 'admin',
  active: true,
  createdAt: '2026-11-01T00:00:00Z',
};

describe('UserDialog', () => {
  let fixture: ComponentFixture<UserDialog>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let close: jest.Mock;

  async function open(data: UserDialogData): Promise<void> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [UserDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const input = (selector: string) => loader.getHarness(MatInputHarness.with({ selector }));
  const submit = async (text: string) =>
    (await loader.getHarness(MatButtonHarness.with({ text }))).click();

  afterEach(() => http.verify());

  it('needs a name, a valid email and a password of at least 6 characters to create a user', async () => {
    await open({});
    await (await input('[formControlName=email]')).setValue('nope');
    await (await input('[formControlName=password]')).setValue('123');
    await submit('Create user');
    http.expectNone('/api/users');
    const text = fixture.nativeElement.textContent;
    expect(text).toContain('Enter a name.');
    expect(text).toContain('Enter a valid email address.');
    expect(text).toContain('Use at least 6 characters.');
  });

  it('creates an agent and closes with it', async () => {
    await open({});
    await (await input('[formControlName=name]')).setValue('Olga Agent');
    await (await input('[formControlName=email]')).setValue('olga@example.com');
    await (await input('[formControlName=password]')).setValue('secret1');
    const role = await loader.getHarness(MatSelectHarness);
    await role.open();
    await role.clickOptions({ text: 'Agent' });
    await submit('Create user');
    const request = http.expectOne('/api/users');
    expect(request.request.body).toEqual({
      name: 'Olga Agent',
      email: 'olga@example.com',
      role: 'agent',
      password: 'secret1',
    });
    request.flush({ ...ADMIN, id: 7, name: 'Olga Agent', role: 'agent' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
  });

  it('sends only the changed fields when editing, and keeps the password unless a new one is given', async () => {
    await open({ user: ADMIN });
    expect(await (await input('[formControlName=email]')).isDisabled()).toBe(true);
    await (await input('[formControlName=name]')).setValue('Ada Lovelace');
    await submit('Save');
    const request = http.expectOne('/api/users/1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Ada Lovelace' });
    request.flush({ ...ADMIN, name: 'Ada Lovelace' });
  });

  it('shows the last-admin refusal and stays open', async () => {
    await open({ user: ADMIN });
    const role = await loader.getHarness(MatSelectHarness);
    await role.open();
    await role.clickOptions({ text: 'User' });
    await submit('Save');
    http
      .expectOne('/api/users/1')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Cannot demote the last active admin' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'Cannot demote the last active admin',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
