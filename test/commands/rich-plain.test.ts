// The plain-text form of rich text: what a terminal and the service log print.
import { describe, expect, it } from "vitest";
import { code, emoji, mention, plain, strong } from "../../src/commands/rich.ts";

describe("plain", () => {
  it("leaves an emoji out with the space after it: no leading or double space", () => {
    expect(plain([emoji("warning"), " Marketing contacts reached 90%"])).toBe("Marketing contacts reached 90%");
    expect(plain(["Done. ", emoji("white_check_mark"), " Next update Fri"])).toBe("Done. Next update Fri");
  });

  it("keeps every other space and mark as it is", () => {
    expect(plain(["a  b ", strong("c"), " ", code("x y"), " ", mention("U1")])).toBe("a  b c `x y` U1");
    expect(plain(["x", emoji("tada"), "y"])).toBe("xy");
  });
});
