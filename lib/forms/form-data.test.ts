import { describe, expect, test } from "vitest";
import { formDataToObject, parseKeyValueLines, toKeyValueLines } from "./form-data";

describe("formDataToObject", () => {
  test("nests dotted paths and converts typed suffixes", () => {
    const result = formDataToObject([
      ["name", "web"],
      ["kind", "vm"],
      ["spec.cpu:number", "4"],
      ["spec.memoryMiB:number", ""],
      ["spec.public:bool", "on"],
      ["labels:lines", "app=web\n\n tier = db \nflag"],
      ["spec.subnets:list", "10.0.1.0/24, 10.0.2.0/24\n10.0.3.0/24"],
      ["ownerId:optional", ""],
      ["nodeName:nullable", ""],
      ["$ACTION_ID_abc", ""],
    ]);
    expect(result).toEqual({
      name: "web",
      kind: "vm",
      spec: { cpu: 4, public: true, subnets: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"] },
      labels: { app: "web", tier: "db", flag: "" },
      nodeName: null,
    });
  });

  test("keeps a non-numeric number field as NaN so validation names it", () => {
    expect(formDataToObject([["spec.cpu:number", "four"]])).toEqual({ spec: { cpu: Number.NaN } });
  });

  test("numeric segments build arrays", () => {
    expect(formDataToObject([["containers.0.name", "app"], ["containers.0.image", "i"], ["spec.ports.0.containerPort:number", "80"]])).toEqual({
      containers: [{ name: "app", image: "i" }],
      spec: { ports: [{ containerPort: 80 }] },
    });
  });

  test("ignores files", () => {
    expect(formDataToObject([["upload", new File(["x"], "x.txt")]])).toEqual({});
  });
});

test("key=value lines round-trip", () => {
  const labels = { app: "web", tier: "frontend" };
  expect(parseKeyValueLines(toKeyValueLines(labels))).toEqual(labels);
});
