// The script of the page the Chromium target loads: the scenarios, for page.evaluate to run.
import { runScenario } from "./scenarios.js";

(globalThis as { runScenario?: typeof runScenario }).runScenario = runScenario;
