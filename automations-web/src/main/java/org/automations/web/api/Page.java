package org.automations.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code items} from position {@code first} (from 0) of {@code total}. */
@Schema(name = "Page")
public record Page<T>(List<T> items, int first, int max, long total) {
}
