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
    { id: 'go-today', labelKey: 'palette.goToday', keywords: 'today tasks todo due reminders 今天 待办 任务', run: () => navigate('/today') },
    { id: 'go-pipeline', labelKey: 'palette.goPipeline', keywords: 'pipeline board kanban stages 销售管道 看板', run: () => navigate('/pipeline') },
    { id: 'go-deals', labelKey: 'palette.goDeals', keywords: 'deals opportunities list 商机 交易', run: () => navigate('/deals') },
    { id: 'go-forecast', labelKey: 'palette.goForecast', keywords: 'forecast revenue chart 预测 收入', run: () => navigate('/forecast') },
    { id: 'go-orders', labelKey: 'palette.goOrders', keywords: 'orders quotes sales 订单 报价', run: () => navigate('/orders') },
    { id: 'go-products', labelKey: 'palette.goProducts', keywords: 'products catalogue items sku 产品 商品', run: () => navigate('/products') },
    { id: 'new-deal', labelKey: 'palette.newDeal', keywords: 'new create add deal opportunity 新建 商机', run: () => navigate('/deals/new') },
    { id: 'new-order', labelKey: 'palette.newOrder', keywords: 'new create add order 新建 订单', run: () => navigate('/orders/new?kind=order') },
    { id: 'new-quote', labelKey: 'palette.newQuote', keywords: 'new create add quote 新建 报价', run: () => navigate('/orders/new?kind=quote') },
    { id: 'manage-pipelines', labelKey: 'palette.managePipelines', keywords: 'pipeline stages settings 阶段 设置', run: () => navigate('/pipeline/settings') },
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
