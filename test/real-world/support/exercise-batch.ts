/**
 * A child process of the real-world test: exercises one generated client (exercise.ts)
 * from the model another child wrote beside it, while that child type-checks the output.
 * Usage: node exercise-batch.mjs NAME OUT_DIR (the model is OUT_DIR.model.json). Prints
 * one line prefixed with EXERCISE, as generate-batch.ts does.
 */
import { readFileSync } from "node:fs";
import type { ApiModel } from "../../../generator/model/api-model.js";
import { exercised } from "./exercise.js";

const [name, out] = process.argv.slice(2) as [string, string];
const model = JSON.parse(readFileSync(`${out}.model.json`, "utf8")) as ApiModel;
process.stdout.write(`EXERCISE ${JSON.stringify(await exercised(name, out, model))}\n`);
