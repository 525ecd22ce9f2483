package dev.tenancy.sample.reliability.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection to the test server, as one load client holds it: requests one after the other
 * on the same socket, each naming its tenant's host in {@code Host}. When the server closes the connection (Tomcat
 * does after a number of requests, saying {@code Connection: close}) the next request opens a new one. Plain
 * sockets cost the machine far less CPU than an HTTP client library, which leaves it to the server under test.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 120_000;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long opened;

    KeepAliveConnection(int port) {
        this.port = port;
    }

    /** An answer: status, the session id a {@code Set-Cookie} gave (or null) and the body. */
    record Answer(int status, String sessionId, String body) {
    }

    /**
     * Sends one request and reads its whole answer.
     *
     * @param sessionId the {@code JSESSIONID} cookie to send, or null
     * @param csrfToken the {@code X-CSRF-TOKEN} header to send, or null
     * @param json the JSON body, or null for none
     */
    Answer send(String method, String host, String path, String sessionId, String csrfToken, String json)
            throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nAccept: application/json\r\n");
        if (sessionId != null) {
            head.append("Cookie: JSESSIONID=").append(sessionId).append("\r\n");
        }
        if (csrfToken != null) {
            head.append("X-CSRF-TOKEN: ").append(csrfToken).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** How many connections this client opened. */
    long connectionsOpened() {
        return opened;
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
        opened++;
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String sessionId = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "set-cookie" -> {
                    if (value.startsWith("JSESSIONID=")) {
                        sessionId = value.substring("JSESSIONID=".length(), value.indexOf(';') < 0
                                ? value.length() : value.indexOf(';'));
                    }
                }
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(status, sessionId, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long length, ByteArrayOutputStream into) throws IOException {
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new IOException("The server closed the connection in the middle of an answer.");
        }
        into.write(bytes);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("The server closed the connection before answering.");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing more to do
            }
            socket = null;
        }
    }
}
