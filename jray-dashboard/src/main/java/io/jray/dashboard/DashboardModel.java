package io.jray.dashboard;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page's model holds: whether it shows write actions. */
@ControllerAdvice(assignableTypes = {DashboardController.class, TasksController.class, DashboardActionsController.class})
class DashboardModel {

    private final boolean writable;

    DashboardModel(boolean writable) {
        this.writable = writable;
    }

    @ModelAttribute("writable")
    boolean writable() {
        return writable;
    }
}
