/*
 * Traditional → simplified, one character for one character, for the characters of government
 * documents: the words duty annotations are made of (牽頭 會同 配合 參與 按職責分工負責 責任單位 完成時限),
 * the endings and words of unit names (廳 局 辦 委員會 領導小組 縣 區 機構 各有關部門 …) and common
 * words around them. Only characters that simplified Chinese never writes are listed, so a simplified
 * text comes back unchanged. The result has the length of the input, position for position: patterns
 * run on it, names are cut from the text as written (see extract-department-duties.ts).
 */
const PAIRS =
  '牽牵頭头會会參参與与負负責责單单門门職职協协辦办時时間间節节點点廳厅員员領领導导組组縣县區区鎮镇鄉乡' +
  '機机構构關关級级屬属團团處处隊队聯联臺台館馆銀银專专業业學学黨党華华國国務务農农發发財财資资稅税統统' +
  '計计糧粮衛卫環环護护產产設设際际經经濟济貿贸場场監监質质檢检驗验測测審审議议體体運运輸输鐵铁電电視视' +
  '廣广術术藝艺歷历檔档劃划規规報报網网絡络訊讯營营陽阳東东線线號号紅红續续實实現现進进執执師师軍军兒儿' +
  '婦妇殘残僑侨灣湾歸归勞劳動动險险醫医療疗藥药災灾應应氣气漁渔獸兽類类態态長长書书記记紀纪證证價价標标' +
  '準准確确認认識识論论總总結结轉转換换極极條条為为這这對对過过還还萬万億亿個个從从來来將将積积' +
  '預预圖图據据項项開开強强據据堅坚續续區区園园廠厂礦矿輕轻爭争權权縣县鄉乡陸陆災灾氣气選选舉举區区' +
  '創创維维護护穩稳優优化化質质製制訂订謀谋畫画壇坛園园區区邊边貧贫補补償偿負负擔担險险庫库倉仓儲储' +
  '網网絡络軟软體体務务數数據据碼码鏈链號号聯联運运輸输車车輛辆駕驾駛驶橋桥港港灣湾島岛嶼屿濱滨' +
  '陳陈劉刘楊杨趙赵黃黄吳吴張张鄭郑孫孙馬马羅罗謝谢韓韩馮冯鄧邓蕭萧葉叶蘇苏盧卢蔣蒋蔡蔡賈贾' +
  '廈厦門门漢汉瀋沈遼辽寧宁蘭兰烏乌齊齐魯鲁滬沪贛赣閩闽廣广貴贵雲云隴陇陝陕內内蒙蒙疆疆龍龙' +
  '鹹咸審审批批許许準准製制佈布鬆松髮发麵面颱台週周彙汇衝冲鬱郁纔才噹当' +
  '習习謂谓訴诉設设許许評评試试詢询該该詳详語语誤误說说請请諾诺調调談谈講讲謝谢證证識识譯译讀读變变' +
  '讓让貫贯責责貸贷費费資资賓宾賦赋賴赖購购贈赠贊赞賽赛趕赶軌轨較较載载輔辅輯辑輸输辦办農农' +
  '遲迟遠远適适遷迁邏逻郵邮鄰邻釋释針针鋼钢錢钱錄录鍵键鎖锁鏡镜長长閉闭開开閒闲閱阅闊阔隊队' +
  '陰阴隨随隱隐雙双雜杂雞鸡離离難难電电靈灵頒颁預预領领頻频題题額额願愿顧顾顯显風风飛飞飯饭' +
  '養养餘余館馆馬马驅驱驗验體体髒脏鬥斗魚鱼鳥鸟鹽盐麥麦黨党齊齐齡龄壓压壞坏壯壮聲声賣卖夠够' +
  '奮奋奪夺孫孙寬宽寶宝屆届屬属岡冈嶺岭幣币幫帮幹干廢废廟庙彈弹徑径從从復复徹彻恆恒惡恶愛爱' +
  '態态慣惯慶庆憂忧懷怀戰战戶户拋抛挾挟捨舍掃扫掛挂揚扬換换損损搖摇擇择擊击擴扩攜携敗败敵敌' +
  '斷断舊旧時时晉晋曉晓曆历暫暂會会東东條条來来楊杨榮荣樣样橫横檢检歐欧歲岁殺杀毀毁氣气' +
  '決决況况淨净淺浅測测湧涌溫温滅灭滿满漲涨潔洁潛潜澤泽濃浓濕湿灑洒災灾爐炉爭争牆墙狀状獨独' +
  '獲获獻献環环現现瑪玛畢毕畫画當当疊叠療疗盡尽監监盤盘眾众睜睁礎础禮礼禍祸種种稱称積积穩稳' +
  '競竞筆笔築筑簡简糧粮紀纪約约級级紛纷純纯紙纸細细終终組组結结絕绝給给統统絲丝綜综綠绿維维' +
  '網网緊紧線线編编緩缓練练縣县總总績绩織织繼继續续罰罚羅罗義义習习聖圣聞闻職职肅肃脅胁腦脑' +
  '興兴舉举艦舰艱艰莊庄華华萬万葉叶著著蓋盖蘇苏處处號号蟲虫術术衛卫補补裝装製制複复襲袭覽览' +
  '觀观規规視视覺觉親亲觸触';

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i], chars[i + 1]);
  return map;
})();

/** The text with traditional characters replaced by simplified ones; same length, same positions. */
export function simplifyCharacters(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}

/** Whether the text has any traditional character this module knows. */
export function hasTraditionalCharacters(text: string): boolean {
  for (const ch of text) if (MAP.has(ch)) return true;
  return false;
}

/**
 * A name found in `shadow` (the simplified form of `original`) as `original` writes it: the same
 * span, cut from the original. A name that is not a span of the shadow (a directory name) is kept.
 */
export function asWritten(name: string, shadow: string, original: string): string {
  const at = name ? shadow.indexOf(name) : -1;
  return at < 0 ? name : original.slice(at, at + name.length);
}
