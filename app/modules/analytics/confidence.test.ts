import { describe, expect, it } from "vitest";
import { confidenceOf, participationConfidence } from "./confidence";

describe("confidence from the response rate", () => {
  it("is high from 80%, directional from 65%, low below", () => {
    expect(confidenceOf(64, 100)).toBe("low");
    expect(confidenceOf(65, 100)).toBe("directional");
    expect(confidenceOf(79, 100)).toBe("directional");
    expect(confidenceOf(80, 100)).toBe("high");
    expect(confidenceOf(0, 0)).toBe("low");
  });

  it("follows the safe side of a band when the exact count may not be shown", () => {
    expect(participationConfidence({ invited: 40, answered: 30, exact: true })).toEqual({ level: "directional", rate: 0.75 });
    expect(participationConfidence({ invited: 40, exact: false, band: "nearly-all", k: 5 })).toEqual({ level: "high", rate: null });
    expect(participationConfidence({ invited: 6, exact: false, band: "nearly-all", k: 5 })).toEqual({ level: "low", rate: null });
    expect(participationConfidence({ invited: 40, exact: false, band: "fewer-than-k", k: 5 })).toEqual({ level: "low", rate: null });
  });
});
