import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import type { TicketSla } from '@helpdesk/shared/domain';
import { Clock } from './clock';
import { DueBadge } from './due-badge';

const NOW = Date.parse('2026-11-24T08:00:00Z');

const SLA: TicketSla = {
  firstResponseDueAt: new Date(NOW + 45 * 60_000).toISOString(),
  firstRespondedAt: null,
  resolutionDueAt: new Date(NOW + 8 * 3600_000).toISOString(),
  resolvedAt: null,
  firstResponseBreached: false,
  resolutionBreached: false,
};

describe('DueBadge', () => {
  let fixture: ComponentFixture<DueBadge>;
  let loader: HarnessLoader;
  const now = signal(NOW);

  beforeEach(() => {
    now.set(NOW);
    TestBed.configureTestingModule({
      imports: [DueBadge],
      providers: [{ provide: Clock, useValue: { now } }],
    });
    fixture = TestBed.createComponent(DueBadge);
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  function badge(): HTMLElement | null {
    return fixture.nativeElement.querySelector('[data-testid=due-badge]');
  }

  it('counts down, turns red in words as time passes, and keeps the exact time in a tooltip', async () => {
    fixture.componentRef.setInput('sla', SLA);
    await fixture.whenStable();
    expect(badge()?.textContent?.trim()).toContain('due in 45 min');
    expect(badge()?.classList).toContain('soon');
    expect(badge()?.getAttribute('datetime')).toBe(SLA.firstResponseDueAt);

    now.set(NOW + 65 * 60_000);
    await fixture.whenStable();
    expect(badge()?.textContent).toContain('overdue 20 min');
    expect(badge()?.classList).toContain('breached');

    const tooltip = await loader.getHarness(MatTooltipHarness);
    await tooltip.show();
    expect(await tooltip.getTooltipText()).toMatch(/^First response was due .*2026/);
  });

  it('shows nothing without SLA or once every target is met', async () => {
    fixture.componentRef.setInput('sla', null);
    await fixture.whenStable();
    expect(badge()).toBeNull();

    fixture.componentRef.setInput('sla', {
      ...SLA,
      firstRespondedAt: SLA.firstResponseDueAt,
      resolvedAt: SLA.resolutionDueAt,
    });
    await fixture.whenStable();
    expect(badge()).toBeNull();
  });
});
