package clippings.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Adds the live-reload script to every HTML response on its way out, so that the files in {@code site/} stay
 * exactly as {@code build} wrote them (#6). The script goes right before the last {@code </body>}, or at the
 * end when there is none.
 * <p>Thread-safe: each response gets its own buffer.
 */
final class ReloadScriptInjector extends Handler.Wrapper {
    static final byte[] TAG = ("<script src=\"" + LiveReload.SCRIPT_PATH + "\"></script>")
            .getBytes(StandardCharsets.US_ASCII);

    ReloadScriptInjector(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new InjectingResponse(request, response), callback);
    }

    /** Where the tag goes: before the last {@code </body>}, matched without regard to case. */
    static byte[] inject(byte[] html) {
        // ISO-8859-1 maps bytes one to one, so indexes found in the string are byte offsets in any
        // ASCII-compatible encoding, UTF-8 included.
        String text = new String(html, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf("</body>");
        if (at < 0) at = html.length;
        byte[] out = new byte[html.length + TAG.length];
        System.arraycopy(html, 0, out, 0, at);
        System.arraycopy(TAG, 0, out, at, TAG.length);
        System.arraycopy(html, at, out, at + TAG.length, html.length - at);
        return out;
    }

    /** Buffers an HTML body until its last write, then writes it once with the tag and the new length. */
    private static final class InjectingResponse extends Response.Wrapper {
        private ByteArrayOutputStream html;
        private boolean decided;

        InjectingResponse(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            decide();
            if (html == null) {
                super.write(last, content, callback);
                return;
            }
            if (content != null && content.hasRemaining()) {
                byte[] chunk = new byte[content.remaining()];
                content.get(chunk);
                html.writeBytes(chunk);
            }
            if (!last) {
                callback.succeeded();
                return;
            }
            byte[] out = inject(html.toByteArray());
            getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
            super.write(true, ByteBuffer.wrap(out), callback);
        }

        /**
         * On the first write: a GET of an HTML page with a body is buffered; anything else
         * (HEAD, 304, 204, other types) passes untouched. A HEAD therefore announces the file's own length, not
         * the length with the script: Jetty fails a HEAD whose announced length the handler did not "write".
         */
        private void decide() {
            if (decided) return;
            decided = true;
            int status = getStatus();
            if (isCommitted() || !isHtml() || status == HttpStatus.NOT_MODIFIED_304
                    || status == HttpStatus.NO_CONTENT_204 || !HttpMethod.GET.is(getRequest().getMethod())) {
                return;
            }
            html = new ByteArrayOutputStream();
        }

        private boolean isHtml() {
            String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        }
    }
}
