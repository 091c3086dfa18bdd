// autocannon ships no types (and @types/autocannon is not installed): the little the bench uses.
declare module "autocannon" {
  interface Stats {
    p50: number;
    p99: number;
    max: number;
    mean: number;
    total: number;
  }
  interface Result {
    latency: Stats;
    requests: Stats;
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: Record<string, unknown>[];
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
