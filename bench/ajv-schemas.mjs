// The json()+ajv contender: ajv's compiled validators for zod's own JSON Schema
// export of bench/zod-schemas.mjs, so ajv checks exactly what zod checks (and
// `npm test` holds both to the package's verdicts).
import { Ajv2020 } from "ajv/dist/2020.js";
import { z } from "zod";
import * as zodSchemas from "./zod-schemas.mjs";

// strict: false because zod's export carries `$schema` keywords and formats ajv would warn about;
// allErrors: false (the default) so it stops at the first bad field, as the package does.
const ajv = new Ajv2020({ strict: false, allErrors: false });

/** A compiled validator and a parse in zod's style: returns the value or throws naming the field. */
function contender(zodSchema) {
  const validate = ajv.compile(z.toJSONSchema(zodSchema, { io: "input", unrepresentable: "any" }));
  return {
    validate,
    parse(value) {
      if (validate(value)) return value;
      throw new Error(`invalid at ${ajvPath(validate.errors[0])}`);
    },
  };
}

/** `orders[0].id` from ajv's first error (a missing field is named by its own path, as zod does). */
export function ajvPath(error) {
  const parts = error.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (error.keyword === "required") parts.push(error.params.missingProperty);
  if (parts.length === 0) return "$";
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export const externalOrdersReply = contender(zodSchemas.externalOrdersReply);
export const namefiOrderDetails = contender(zodSchemas.namefiOrderDetails);
export const captureReply = contender(zodSchemas.captureReply);
