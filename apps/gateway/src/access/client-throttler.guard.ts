import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedClient } from './access-roles';

/**
 * Rate limits per client (per address for public routes), applied after authentication so a
 * client's limit follows its key from any address.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers are not requests from clients.
    if (context.getType() !== 'http') return Promise.resolve(true);
    return super.canActivate(context);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const client = request.client as AuthenticatedClient | undefined;
    return Promise.resolve(client ? `client:${client.id}` : `ip:${String(request.ip)}`);
  }
}
