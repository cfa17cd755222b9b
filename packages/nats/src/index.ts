export { createNatsBus, type NatsBusOptions, type NatsEventBus } from './nats-bus.ts';
