import { navigate } from '../../../app/router';
import { setTheme, type Theme } from '../../../app/theme';
import { changeLanguage } from '../../../i18n';

export interface PaletteCommand {
  id: string;
  labelKey: string;
  /** Extra words that find the command (both languages), lower case. */
  keywords: string;
  run: () => void;
}

export function paletteCommands(theme: Theme, language: string): PaletteCommand[] {
  return [
    { id: 'go-contacts', labelKey: 'palette.goContacts', keywords: 'contacts people 联系人', run: () => navigate('/contacts') },
    { id: 'go-companies', labelKey: 'palette.goCompanies', keywords: 'companies accounts 公司 客户', run: () => navigate('/companies') },
    { id: 'new-contact', labelKey: 'palette.newContact', keywords: 'new create add contact 新建 联系人', run: () => navigate('/contacts/new') },
    { id: 'new-company', labelKey: 'palette.newCompany', keywords: 'new create add company 新建 公司', run: () => navigate('/companies/new') },
    { id: 'go-trash', labelKey: 'palette.goTrash', keywords: 'trash deleted restore 回收站 删除', run: () => navigate('/trash') },
    { id: 'go-settings', labelKey: 'palette.goSettings', keywords: 'settings preferences 设置', run: () => navigate('/settings') },
    {
      id: 'toggle-theme',
      labelKey: theme === 'dark' ? 'palette.lightTheme' : 'palette.darkTheme',
      keywords: 'theme dark light mode 主题 深色 浅色',
      run: () => setTheme(theme === 'dark' ? 'light' : 'dark'),
    },
    {
      id: 'switch-language',
      labelKey: language === 'zh-CN' ? 'palette.english' : 'palette.chinese',
      keywords: 'language english chinese 语言 中文 英文',
      run: () => changeLanguage(language === 'zh-CN' ? 'en' : 'zh-CN'),
    },
  ];
}
