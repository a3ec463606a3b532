package com.saldo.identity;

import com.saldo.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods their {@link CallerIdentity}; a request without a verified one is
 * answered 401 before the controller runs.
 */
public final class CallerIdentityResolver implements HandlerMethodArgumentResolver {

  private final IdentityVerifier verifier;

  public CallerIdentityResolver(IdentityVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CallerIdentity.class;
  }

  @Override
  public CallerIdentity resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    if (request == null) {
      throw Problems.unauthenticated();
    }
    return verifier.verify(request).orElseThrow(Problems::unauthenticated);
  }
}
