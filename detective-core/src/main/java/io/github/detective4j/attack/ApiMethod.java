package io.github.detective4j.attack;

import io.github.detective4j.model.ApiCall;
import java.util.Objects;

/**
 * An API method as CloudTrail names it: the service endpoint and the method.
 *
 * @param eventSource the service endpoint, such as {@code iam.amazonaws.com}
 * @param eventName the method, such as {@code ListUsers}
 */
public record ApiMethod(String eventSource, String eventName) {
    /**
     * Creates a method.
     *
     * @param eventSource the service endpoint, such as {@code iam.amazonaws.com}
     * @param eventName the method, such as {@code ListUsers}
     * @throws NullPointerException if an argument is null
     */
    public ApiMethod {
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(eventName, "eventName");
    }

    /**
     * Returns the method a call called.
     *
     * @param call an API call
     * @return its event source and event name
     */
    public static ApiMethod of(ApiCall call) {
        return new ApiMethod(call.eventSource(), call.eventName());
    }

    /**
     * Returns the method as {@code eventSource:eventName}.
     *
     * @return for example {@code iam.amazonaws.com:ListUsers}
     */
    @Override
    public String toString() {
        return eventSource + ":" + eventName;
    }
}
