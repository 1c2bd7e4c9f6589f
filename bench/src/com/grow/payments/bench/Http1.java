package com.grow.payments.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A blocking HTTP/1.1 client on plain sockets with keep-alive connections, for the load
 * generator: the caller's thread writes the request and reads the answer, nothing else wakes up.
 * The JDK's HttpClient hands every exchange between a selector thread and an executor, which cost
 * the benchmark's own process more CPU than the Toss sandbox on the same two cores, taken from
 * the service it measures (ADR 0011). Enough HTTP for the service and the sandbox: Content-Length
 * or chunked answers, no redirects, no TLS.
 */
final class Http1 {

    /** Tomcat closes a connection idle for 20 s; one idle longer than this is never reused. */
    private static final long IDLE_NANOS = Duration.ofSeconds(10).toNanos();

    record Response(int status, String body) {
    }

    private final int timeoutMillis;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();

    Http1(Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
    }

    Response send(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        String authority = uri.getHost() + ":" + uri.getPort();
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(authority, a -> new ConcurrentLinkedDeque<>());
        Connection connection = take(pool);
        if (connection == null) {
            connection = new Connection(uri.getHost(), uri.getPort(), timeoutMillis);
        }
        boolean reusable = false;
        try {
            Response response = connection.exchange(method, uri, authority, headers, body);
            reusable = connection.keepAlive;
            return response;
        } finally {
            if (reusable) {
                connection.lastUsed = System.nanoTime();
                pool.push(connection);
            } else {
                connection.close();
            }
        }
    }

    private static Connection take(ConcurrentLinkedDeque<Connection> pool) {
        Connection connection;
        while ((connection = pool.poll()) != null) {
            if (System.nanoTime() - connection.lastUsed < IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keepAlive;
        private volatile long lastUsed;

        Connection(String host, int port, int timeoutMillis) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(String method, URI uri, String authority, Map<String, String> headers, String body)
                throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target)
                    .append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            out.write(request);
            out.flush();
            return read();
        }

        private Response read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream(length > 0 ? (int) length : 512);
            if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
                return new Response(status, "");
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, answer);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                copy(length, answer);
            } else {
                in.transferTo(answer);
                keepAlive = false;
            }
            return new Response(status, answer.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private void copy(long length, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[(int) Math.min(length, 16 * 1024)];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("the answer ended " + left + " bytes early");
                }
                to.write(buffer, 0, n);
                left -= n;
            }
        }

        /** One header line, without its CRLF; ISO-8859-1, as HTTP/1.1 heads are. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed inside an answer's head");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
