package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.SampleFixture.Credentials;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in as a browser does: the sign-in page (for its CSRF token), then the form. */
final class BrowserLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private BrowserLogin() {
    }

    /** Signs {@code user} in on {@code host} and returns the session cookie. */
    static String signIn(SampleClient client, String host, Credentials user) {
        SampleClient.Response page = client.on(host).getPage("/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-in page has a CSRF token: %s", page).isTrue();
        SampleClient.Response signedIn = client.on(host).cookie(page.sessionCookie()).postForm("/login",
                Map.of("username", user.username(), "password", user.password(), "_csrf", token.group(1)));
        assertThat(signedIn.status()).as("signing in: %s", signedIn).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/me"));
        return signedIn.sessionCookie();
    }

    /** The CSRF token of the sign-in page seen with {@code session}. */
    static String csrfToken(SampleClient client, String host, String session) {
        Matcher token = CSRF.matcher(client.on(host).cookie(session).getPage("/login").body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
