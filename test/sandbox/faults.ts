// The one place where the sandbox misbehaves on purpose: scripted failures for later tests.

export type FaultRoute = 'token' | 'create' | 'upload' | 'get' | 'list' | 'any';

export type FaultAction =
	| { type: 'status'; status: number; retryAfter?: string; body?: unknown }
	/** Destroy the socket before reading the request. */
	| { type: 'drop' }
	/** Handle the request fully (a create creates), then destroy the socket instead of answering. */
	| { type: 'dropAfterHandling' }
	/** Read part of an upload, then destroy the socket. */
	| { type: 'resetMidUpload'; afterBytes: number }
	/** Stop reading and answering for this long (a stalled connection). */
	| { type: 'stall'; ms: number };

export interface FaultRule {
	route: FaultRoute;
	action: FaultAction;
	/** How many matching requests it applies to (default 1). */
	times?: number;
}

export interface FaultSettings {
	/** Added to every request before it is handled. */
	latencyMs: number;
	/** Lifetime of new tokens, in seconds. */
	tokenLifetimeSeconds: number;
	rules: FaultRule[];
}

export class Faults {
	settings: FaultSettings = { latencyMs: 0, tokenLifetimeSeconds: 3600, rules: [] };
	/** How often each rule fired, by its index at the time it was added. */
	fired: Array<{ route: FaultRoute; action: FaultAction['type'] }> = [];

	add(rule: FaultRule): void {
		this.settings.rules.push({ times: 1, ...rule });
	}

	/** The fault to apply to this request, if any; consumes one use of it. */
	take(route: Exclude<FaultRoute, 'any'>): FaultAction | undefined {
		const index = this.settings.rules.findIndex((rule) => (rule.route === route || rule.route === 'any') && (rule.times ?? 1) > 0);
		if (index < 0) return undefined;
		const rule = this.settings.rules[index];
		rule.times = (rule.times ?? 1) - 1;
		if (rule.times <= 0) this.settings.rules.splice(index, 1);
		this.fired.push({ route, action: rule.action.type });
		return rule.action;
	}

	reset(): void {
		this.settings = { latencyMs: 0, tokenLifetimeSeconds: 3600, rules: [] };
		this.fired = [];
	}
}
