package io.energywatch.contracts.schema;

import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;

import java.util.LinkedHashSet;
import java.util.Set;

/** The AsyncAPI 3.0 document of every topic in {@link Topics}, payloads referring to the generated JSON schemas. */
public final class AsyncApiDocument {

    private AsyncApiDocument() {
    }

    public static String render() {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Generated from io.energywatch.contracts.Topics by ContractDocs; do not edit by hand.
                asyncapi: 3.0.0
                info:
                  title: EnergyWatch events
                  version: 1.0.0
                  description: >-
                    Kafka topics of EnergyWatch. Keys are UTF-8 strings; values are JSON; every record carries
                    CloudEvents 1.0 attributes as Kafka headers in binary mode (ce_id, ce_type, ce_source, ce_time,
                    ce_specversion, content-type). Topic names end in their contract version.
                defaultContentType: application/json
                channels:
                """);
        for (Topic<?> t : Topics.ALL) {
            String ch = channelName(t);
            y.append("  ").append(ch).append(":\n")
                    .append("    address: ").append(t.name()).append('\n')
                    .append("    description: ").append(quote(t.description() + " Key: " + t.key() + "."
                            + (t.compacted() ? " Compacted." : ""))).append('\n')
                    .append("    messages:\n")
                    .append("      ").append(t.valueType().getSimpleName()).append(":\n")
                    .append("        $ref: '#/components/messages/").append(t.valueType().getSimpleName()).append("'\n")
                    .append("  ").append(ch).append("Dlq:\n")
                    .append("    address: ").append(t.dlq()).append('\n')
                    .append("    description: ").append(quote("Dead letters of " + t.name()
                            + ": the rejected bytes, the reason in headers.")).append('\n')
                    .append("    messages:\n")
                    .append("      DeadLetter:\n")
                    .append("        $ref: '#/components/messages/DeadLetter'\n");
        }
        y.append("operations:\n");
        for (Topic<?> t : Topics.ALL) {
            String ch = channelName(t);
            y.append("  receive").append(capitalise(ch)).append(":\n")
                    .append("    action: receive\n")
                    .append("    channel:\n")
                    .append("      $ref: '#/channels/").append(ch).append("'\n")
                    .append("    summary: ").append(quote("Subscribe to " + t.name())).append('\n');
        }
        y.append("components:\n  messages:\n");
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Topic<?> t : Topics.ALL) {
            if (!seen.add(t.valueType())) {
                continue;
            }
            String name = t.valueType().getSimpleName();
            y.append("    ").append(name).append(":\n")
                    .append("      name: ").append(name).append('\n')
                    .append("      contentType: application/json\n")
                    .append("      headers:\n        $ref: '#/components/schemas/CloudEventHeaders'\n")
                    .append("      payload:\n        $ref: './events/").append(name).append(".schema.json'\n")
                    .append("      bindings:\n        kafka:\n          key:\n            type: string\n")
                    .append("            description: ").append(quote(t.key())).append('\n')
                    .append("          bindingVersion: 0.5.0\n")
                    .append("      x-cloudevents-type: ").append(t.ceType()).append('\n');
        }
        y.append("""
                    DeadLetter:
                      name: DeadLetter
                      contentType: application/octet-stream
                      headers:
                        type: object
                        properties:
                """);
        for (String h : new String[] {DeadLetters.REASON, DeadLetters.FIELD, DeadLetters.LINE, DeadLetters.ORIGIN,
                DeadLetters.JOB}) {
            y.append("          ").append(h).append(":\n            type: string\n");
        }
        y.append("        required: [").append(DeadLetters.REASON).append("]\n");
        y.append("      payload:\n        type: string\n        description: the rejected record as received\n");
        y.append("  schemas:\n    CloudEventHeaders:\n      type: object\n      properties:\n");
        for (String h : new String[] {CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.CONTENT_TYPE}) {
            y.append("        ").append(h).append(":\n          type: string\n");
        }
        y.append("      required: [ce_id, ce_type, ce_source, ce_time, ce_specversion, content-type]\n");
        return y.toString();
    }

    private static String channelName(Topic<?> t) {
        String[] parts = t.name().replace("energywatch.", "").replace(".v1", "").split("[.-]");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(capitalise(parts[i]));
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
