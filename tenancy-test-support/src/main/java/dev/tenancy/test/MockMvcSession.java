package dev.tenancy.test;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends a client's requests through MockMvc like Spring's own {@code MockMvcClientHttpRequestFactory}, and keeps one
 * HTTP session across them, as a browser's session cookie would: MockMvc has no session store, so a login would
 * otherwise be forgotten by the next request.
 */
final class MockMvcSession implements ClientHttpRequestFactory {

    private final MockMvc mockMvc;
    private volatile MockHttpSession session;

    MockMvcSession(MockMvc mockMvc) {
        this.mockMvc = mockMvc;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new Request(method, uri);
    }

    private final class Request extends MockClientHttpRequest {

        Request(HttpMethod method, URI uri) {
            super(method, uri);
        }

        @Override
        protected ClientHttpResponse executeInternal() {
            try {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(getMethod(), getURI())
                        .headers(getHeaders())
                        .content(getBodyAsBytes());
                addCookies(request, getHeaders().get(HttpHeaders.COOKIE));
                MockHttpSession current = session;
                if (current != null && !current.isInvalid()) {
                    request.session(current);
                }
                MvcResult result = mockMvc.perform(request).andReturn();
                HttpSession after = result.getRequest().getSession(false);
                if (after instanceof MockHttpSession kept) {
                    session = kept;
                }
                return response(result.getResponse());
            } catch (Exception e) {
                return new MockClientHttpResponse(e.toString().getBytes(StandardCharsets.UTF_8),
                        HttpStatus.INTERNAL_SERVER_ERROR);
            }
        }
    }

    private static void addCookies(MockHttpServletRequestBuilder request, List<String> headers) {
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    request.cookie(new Cookie(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim()));
                }
            }
        }
    }

    private static ClientHttpResponse response(MockHttpServletResponse servletResponse) {
        byte[] body = servletResponse.getContentAsByteArray();
        if (body.length == 0 && servletResponse.getErrorMessage() != null) {
            body = servletResponse.getErrorMessage().getBytes(StandardCharsets.UTF_8);
        }
        MockClientHttpResponse response = new MockClientHttpResponse(body,
                HttpStatusCode.valueOf(servletResponse.getStatus()));
        for (String name : servletResponse.getHeaderNames()) {
            for (String value : servletResponse.getHeaders(name)) {
                response.getHeaders().add(name, value);
            }
        }
        return response;
    }
}
