package io.jray.dashboard;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * With Spring Security, the CSRF token of the exchange as the model attribute {@code jrayCsrf}, so
 * the forms of the write actions carry it.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, TasksController.class, DashboardActionsController.class})
class CsrfTokenModel {

    @ModelAttribute("jrayCsrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
