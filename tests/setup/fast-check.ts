// Property tests run with a fixed seed so that `npm test` (and CI) is reproducible; explore new cases with
// FC_SEED=<number> or FC_SEED=random. A failure prints its seed and path, for a regression test.
import fc from "fast-check";

const env = process.env.FC_SEED;
if (env !== "random") fc.configureGlobal({ seed: env === undefined ? 20_261_127 : Number(env) });
