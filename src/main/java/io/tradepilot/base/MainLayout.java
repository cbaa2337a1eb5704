package io.tradepilot.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tradepilot.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every signed-in view: the side navigation, built from the {@code @Menu} entries the
 * user may open, and the user's name, role and a sign-out button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, org.springframework.beans.factory.ObjectProvider<HeaderItem> headerItems) {
        setPrimarySection(Section.DRAWER);
        Span brand = new Span("Tradepilot");
        brand.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Padding.MEDIUM);
        addToDrawer(brand, new Scroller(navigation()));

        String role = CurrentUser.role().map(Enum::name).orElse("");
        Span user = new Span(CurrentUser.username());
        user.setId("current-user");
        user.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span roleBadge = new Span(role);
        roleBadge.setId("current-role");
        roleBadge.getElement().getThemeList().add("badge contrast");
        Button logout = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout account = new HorizontalLayout();
        headerItems.orderedStream().forEach(item -> account.add(item.create()));
        account.add(user, roleBadge, logout);
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        account.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.End.MEDIUM);

        Div spacer = new Div();
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), spacer, account);
        navbar.setWidthFull();
        navbar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        navbar.expand(spacer);
        addToNavbar(navbar);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
