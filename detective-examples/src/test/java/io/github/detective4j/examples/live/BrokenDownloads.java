package io.github.detective4j.examples.live;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Breaks the body of the next few GetObject answers partway, as a connection reset does: the SDK's own interceptor
 * seam on a real client talking to a real server, the bytes before the break delivered as they came.
 */
final class BrokenDownloads implements ExecutionInterceptor {
    private final AtomicInteger left;
    private final int bytesBeforeBreak;

    BrokenDownloads(int downloads, int bytesBeforeBreak) {
        this.left = new AtomicInteger(downloads);
        this.bytesBeforeBreak = bytesBeforeBreak;
    }

    /** How many of the downloads to break are still to come. */
    int left() {
        return Math.max(0, left.get());
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        long length = context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
        if (!(context.request() instanceof GetObjectRequest) || length <= 2L * bytesBeforeBreak
                || left.getAndDecrement() <= 0) {
            return context.responseBody();
        }
        return context.responseBody().map(body -> new FilterInputStream(body) {
            private int passed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (passed >= bytesBeforeBreak) {
                    throw new SocketException("Connection reset");
                }
                int n = super.read(b, off, Math.min(len, bytesBeforeBreak - passed));
                passed += Math.max(0, n);
                return n;
            }
        });
    }
}
