import { LegacyUnavailable } from '@mpp/adapter-sdk';
import { LandCallbackSubscription } from './land-callback-subscription';
import { LandSystemConfig } from './land-system.config';
import type { LegacyLandClient } from './legacy-land.client';

function subscriptionWith(subscribe: (url: string) => Promise<void>) {
  const land = { subscribe: jest.fn(subscribe) };
  const subscription = new LandCallbackSubscription(
    land as unknown as LegacyLandClient,
    new LandSystemConfig(),
  );
  return { subscription, subscribe: land.subscribe };
}

const down = () => Promise.reject(new LegacyUnavailable('subscribe failed: ECONNREFUSED'));

describe('registering the callback URL with the land system', () => {
  it('registers this adapter’s callback URL without holding up the start', async () => {
    const { subscription, subscribe } = subscriptionWith(() => new Promise(() => undefined));
    expect(subscription.onApplicationBootstrap()).toBeUndefined();
    expect(subscribe).toHaveBeenCalledWith('http://127.0.0.1:3203/callbacks/land');
  });

  it('tries again with backoff while the land system is down', async () => {
    let calls = 0;
    const { subscription, subscribe } = subscriptionWith(() =>
      ++calls === 1 ? down() : Promise.resolve(),
    );
    subscription.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(subscribe).toHaveBeenCalledTimes(2);
    await subscription.onApplicationShutdown();
  });

  it('stops trying when the adapter shuts down', async () => {
    const { subscription, subscribe } = subscriptionWith(down);
    subscription.onApplicationBootstrap();
    const started = Date.now();
    await subscription.onApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(200);
    expect(subscribe).toHaveBeenCalledTimes(1);
  });
});
