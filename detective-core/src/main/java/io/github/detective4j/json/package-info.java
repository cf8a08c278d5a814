/**
 * JSON for every answer, with Jackson: {@link io.github.detective4j.json.DetectiveJson}.
 */
package io.github.detective4j.json;
