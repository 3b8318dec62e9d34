// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import io.sfsturbo.jobs.internal.HeaderValues;
import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * IAM's password token request ({@code POST /v3/auth/tokens?nocatalog=true}) and the checks of its answer: no
 * redirect followed (the password would go with it), at most 64 KiB read, an {@code X-Subject-Token} that can
 * be a header value, a readable {@code token.expires_at}. Server text in a message is escaped and capped.
 */
public final class IamTokenRequest {
  private static final MediaType JSON = MediaType.get("application/json;charset=utf-8");
  /** A token response without the catalog is a few KiB; far more is not IAM, and is not read into memory. */
  public static final long MAX_RESPONSE_BYTES = 64 * 1024;

  /** Who asks, and for which scope. */
  public static final class Identity {
    final String userName;
    final String password;
    final String domainName;
    final String projectName;
    final String projectId;

    /**
     * @param userName the IAM user
     * @param password the password
     * @param domainName the account
     * @param projectName the scope by name, or null
     * @param projectId the scope by id, or null
     */
    public Identity(String userName, String password, String domainName, String projectName, String projectId) {
      this.userName = userName;
      this.password = password;
      this.domainName = domainName;
      this.projectName = projectName;
      this.projectId = projectId;
    }
  }

  private final HttpUrl tokenUrl;
  private final Identity who;
  private final OkHttpClient http;
  private final Supplier<Instant> clock;

  /**
   * @param iamEndpoint IAM's base URL
   * @param who the user and scope
   * @param http follows no redirect
   * @param clock dates error answers
   */
  public IamTokenRequest(HttpUrl iamEndpoint, Identity who, OkHttpClient http, Supplier<Instant> clock) {
    this.tokenUrl = iamEndpoint.newBuilder().addPathSegments("v3/auth/tokens").addQueryParameter("nocatalog", "true")
        .build();
    this.who = who;
    this.http = http;
    this.clock = clock;
  }

  /** Returns IAM's host, for messages. */
  public String host() {
    return tokenUrl.host();
  }

  /**
   * Asks IAM for a token.
   *
   * @return the token and its expiry
   * @throws CredentialsException when IAM refuses, cannot be reached or answers something else than a token
   */
  public ExpiringCache.Fetched<String> fetch() {
    Request request = new Request.Builder().url(tokenUrl).post(RequestBody.create(body().toString(), JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() >= 300 && response.code() < 400) {
        throw new CredentialsException("IAM at " + tokenUrl.host() + " answered the token request with HTTP "
            + response.code() + ", a redirect " + redirectTarget(response) + "; token requests follow no redirect, so "
            + "that the password goes to no other server: set iamEndpoint to IAM's own address", null);
      }
      String text = readCapped(response.body());
      if (response.code() != 201 && response.code() != 200) {
        ServiceException error = ErrorDecoder.decode("", response.code(), null, null, text, clock.get());
        String code = error.errorCode();
        String message = error.errorMessage();
        throw new CredentialsException("IAM refused the token request for user '" + who.userName + "' at "
            + tokenUrl.host() + ": HTTP " + response.code() + (code == null ? "" : " " + SafeText.forMessage(code))
            + (message == null ? "" : ": " + SafeText.forMessage(message)), null);
      }
      String token = response.header("X-Subject-Token");
      if (token == null || token.isEmpty()) {
        throw new CredentialsException("IAM answered HTTP " + response.code() + " without an X-Subject-Token header",
            null);
      }
      try {
        token = HeaderValues.requireValid(token, "the X-Subject-Token header of IAM's response", "the IAM token");
      } catch (IllegalArgumentException e) {
        throw new CredentialsException(e.getMessage(), e);
      }
      return new ExpiringCache.Fetched<>(token, expiresAt(text));
    } catch (IOException e) {
      throw new CredentialsException("the IAM token request to " + tokenUrl.host() + " failed: "
          + SafeText.forMessage(String.valueOf(e)), e);
    }
  }

  /**
   * Names where a redirect points by origin only: the path and query could hold anything, and the
   * origin is what tells a user whether the endpoint is mistyped or the network intercepts.
   */
  static String redirectTarget(Response response) {
    String location = response.header("Location");
    if (location == null) {
      return "without a Location header";
    }
    HttpUrl target = response.request().url().resolve(location);
    if (target == null) {
      return "to an unreadable Location";
    }
    String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
    return "to " + target.scheme() + "://" + host + ":" + target.port();
  }

  /** Reads the whole body, or fails when it exceeds {@link #MAX_RESPONSE_BYTES}, without buffering more than that. */
  private static String readCapped(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    if (source.request(MAX_RESPONSE_BYTES + 1)) {
      throw new CredentialsException("IAM's response to the token request is larger than " + MAX_RESPONSE_BYTES / 1024
          + " KiB; not reading it (is iamEndpoint IAM's address?)", null);
    }
    return source.readUtf8();
  }

  private static Instant expiresAt(String body) {
    try {
      JsonObject token = com.google.gson.JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("token");
      return OffsetDateTime.parse(token.get("expires_at").getAsString()).toInstant();
    } catch (RuntimeException e) {
      throw new CredentialsException("IAM's token response has no readable token.expires_at", e);
    }
  }

  private JsonObject body() {
    JsonObject domain = new JsonObject();
    domain.addProperty("name", who.domainName);
    JsonObject user = new JsonObject();
    user.addProperty("name", who.userName);
    user.addProperty("password", who.password);
    user.add("domain", domain);
    JsonObject passwordMethod = new JsonObject();
    passwordMethod.add("user", user);
    JsonArray methods = new JsonArray();
    methods.add("password");
    JsonObject identity = new JsonObject();
    identity.add("methods", methods);
    identity.add("password", passwordMethod);
    JsonObject project = new JsonObject();
    if (who.projectId != null) {
      project.addProperty("id", who.projectId);
    } else {
      project.addProperty("name", who.projectName);
    }
    JsonObject scope = new JsonObject();
    scope.add("project", project);
    JsonObject auth = new JsonObject();
    auth.add("identity", identity);
    auth.add("scope", scope);
    JsonObject root = new JsonObject();
    root.add("auth", auth);
    return root;
  }
}
