//! The two languages Huimou speaks, Simplified Chinese and English, free of any GUI: the data
//! layer's diagnostics carry both, and the viewer and the command line pick one.

use serde::{Deserialize, Serialize};

/// A language of the interface, of diagnostics and of the command line's messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language for a locale name such as `zh-CN`, `zh_TW.UTF-8` or `en-US`: Chinese for
    /// any Chinese locale, English for everything else.
    pub fn from_locale(locale: &str) -> Self {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }

    /// The system's language, Chinese when it cannot be told.
    pub fn system() -> Self {
        sys_locale::get_locale().map_or(Self::Zh, |l| Self::from_locale(&l))
    }

    /// The language of messages on a terminal, as POSIX tools choose it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty. English when none is, since
    /// scripts and logs that set no locale expect the words they have always grepped.
    pub fn of_messages(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .map_or(Self::En, |locale| Self::from_locale(&locale))
    }

    /// The language of messages for this process's environment (see [`Self::of_messages`]).
    pub fn of_terminal() -> Self {
        Self::of_messages(|name| std::env::var(name).ok())
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::Zh => "中文",
            Self::En => "English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(vars: &[(&str, &str)]) -> Lang {
        Lang::of_messages(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(messages(&[]), Lang::En);
        assert_eq!(messages(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(messages(&[("LANG", "C")]), Lang::En);
        assert_eq!(
            messages(&[("LC_ALL", ""), ("LC_MESSAGES", "en_US"), ("LANG", "zh_CN")]),
            Lang::En
        );
        assert_eq!(
            messages(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")]),
            Lang::Zh
        );
    }
}
